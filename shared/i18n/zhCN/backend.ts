// The archive's owner: what its worker, the owner file and forwarding say.
export const backendZhCN = {
  'errors.archiveUnavailable': '数据库暂时不可用（后台已停止或正在恢复），操作未完成，请稍后重试',
  'errors.archiveHeldByCli': '命令行（进程 {pid}）正在使用这个数据文件，请等它完成后再打开',
} as const;
