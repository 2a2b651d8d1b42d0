// The archive's owner: what its worker, the owner file and forwarding say.
export const backendZhCN = {
  'errors.archiveUnavailable': '数据库暂时不可用（后台已停止或正在恢复），操作未完成，请稍后重试',
  'errors.archiveHeldByCli': '命令行（进程 {pid}）正在使用这个数据文件，请等它完成后再打开',
  'busy.import:run': '正在导入数据',
  'busy.import:undo': '正在撤销导入',
  'busy.system:restore': '正在从备份恢复',
  'busy.system:demo': '正在载入示例数据',
  'busy.other': '正在保存较多的修改',
  'busy.banner': '{what}：其他修改会排队，在它完成后进行；查看和搜索不受影响。',
} as const;
