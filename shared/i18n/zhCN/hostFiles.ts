// Files on the caller's side: what the CLI says about a file it reads or writes itself, and the checks on what a
// caller sends in place of a path (a mapping file's content).
export const hostFilesZhCN = {
  'cliFiles.cannotRead': '无法读取文件「{file}」：文件不存在或没有读取权限',
  'cliFiles.notAFile': '「{file}」不是普通文件（可能是文件夹或设备），无法读取',
  'cliFiles.tooLarge': '文件「{file}」太大：最多 {max}',
  'cliFiles.mapFileJson': '映射文件「{file}」不是有效的 JSON',
  'cliFiles.mapFileJsonAt': '映射文件「{file}」不是有效的 JSON（第 {line} 行第 {column} 列附近）',
  'cliFiles.exists': '文件「{file}」已存在，未覆盖。请用 --out 指定要写入的文件',
  'cliFiles.importNeedsFile': 'import 需要一个要导入的文件，例如：renewal-desk import 续费表.csv',
  'validation.mappingTooLarge': '映射最多 500 列',
} as const;
