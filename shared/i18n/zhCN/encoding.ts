// How a text file's encoding was read: bytes its encoding could not read, a header that reads right only in
// the other encoding, and the wizard's offer to read the file again in it.
export const encodingZhCN = {
  'encoding.invalidBytes': '有 {count} 处字节不是有效的 {encoding}，已替换为 �（U+FFFD）',
  'encoding.moreInvalidLines': '从这一行起还有 {lines} 行共 {count} 处字节不是有效的 {encoding}，同样已替换为 �（U+FFFD），不再逐行列出',
  'encoding.headerNotMapped': '文件第 {line} 行的表头里没有{names}列。按 {encoding} 读到的表头是：{headers}。请检查表头，或在导入向导里指定对应的列',
  'encoding.headerNotMappedSheet': '文件第 {line} 行的表头里没有{names}列。读到的表头是：{headers}。请检查表头，或在导入向导里指定对应的列',
  'encoding.headerInOtherEncoding':
    '文件第 {line} 行的表头里没有{names}列。按 {encoding} 读到的表头是：{headers}，像是乱码；按 {other} 读取则是：{otherHeaders}，能对上。请改用 {other} 读取这个文件（在导入向导里换编码，或在命令行加 --encoding {flag}）',
  'encoding.moreHeaders': '…（另有 {n} 列）',

  'encoding.invalidTitle': '有 {count} 处字节不是有效的 {encoding}（在 {lines} 行里），已替换为 �',
  'encoding.invalidBody': '这些字符会显示为 � 并按此导入。如果文件其实是另一种编码，请换一种重新读取。',
  'encoding.invalidLines': '共 {n} 行：第 {lines} 行',
  'encoding.invalidLinesMore': '第 {lines} 行等',
  'encoding.readAs': '改用 {encoding} 重新读取',
  'encoding.suggestTitle': '按 {encoding} 读取时表头对不上，像是乱码',
  'encoding.suggestBody': '按 {other} 读取，表头是：{headers}',
  'encoding.checkInvalid': '有 {count} 处字节不是有效的 {encoding}，已替换为 �，所在行见下方「提示」。',
} as const;
