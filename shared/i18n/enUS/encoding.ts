import type { encodingZhCN } from '../zhCN/encoding.ts';

export const encodingEnUS: Record<keyof typeof encodingZhCN, string> = {
  'encoding.invalidBytes': '{count} {count|byte sequence|byte sequences} not valid {encoding}, replaced by � (U+FFFD)',
  'encoding.moreInvalidLines':
    'From this line on, {lines} more {lines|line holds|lines hold} {count} {count|byte sequence|byte sequences} not valid {encoding}, also replaced by � (U+FFFD) and not listed one by one',
  'encoding.headerNotMapped':
    'The header on line {line} has no column for {names}. Read as {encoding}, the header is: {headers}. Check the header, or choose the columns in the import wizard',
  'encoding.headerNotMappedSheet':
    'The header on line {line} has no column for {names}. The header reads: {headers}. Check the header, or choose the columns in the import wizard',
  'encoding.headerInOtherEncoding':
    'The header on line {line} has no column for {names}. Read as {encoding}, the header is {headers}, which looks garbled; read as {other}, it is {otherHeaders}, which maps. Read the file as {other} (change the encoding in the import wizard, or add --encoding {flag} on the command line)',
  'encoding.moreHeaders': '… ({n} more)',

  'encoding.invalidTitle': '{count} {count|byte sequence is|byte sequences are} not valid {encoding} (on {lines} {lines|line|lines}) and {count|was|were} replaced by �',
  'encoding.invalidBody': 'They show as � and are imported that way. If the file is in another encoding, read it again in that one.',
  'encoding.invalidLines': 'On {n|line|lines} {lines}',
  'encoding.invalidLinesMore': 'On lines {lines} and more',
  'encoding.readAs': 'Read as {encoding} instead',
  'encoding.suggestTitle': 'Read as {encoding}, the header does not match and looks garbled',
  'encoding.suggestBody': 'Read as {other}, the header is: {headers}',
  'encoding.checkInvalid': '{count} {count|byte sequence was|byte sequences were} not valid {encoding} and replaced by �; the lines are listed under “Warnings” below.',
} as const;
