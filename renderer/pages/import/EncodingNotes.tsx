import { Alert, Flex } from 'antd';
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { encodingName } from './importLabels.ts';

/** Lines named in the note; the report lists them all. */
const LINES_SHOWN = 12;

/**
 * What the encoding did to the file: bytes it could not read (shown as �, by line), and a header that reads
 * right only in the other encoding. The button beside the encoding select re-reads the file.
 */
export function EncodingNotes({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const { invalidBytes, encodingSuggestion, encodingWarnings } = preview;
  if (!invalidBytes && !encodingSuggestion) return null;
  const lines = encodingWarnings.map((w) => String(w.line)).slice(0, LINES_SHOWN);
  const moreLines = invalidBytes !== null && invalidBytes.lines > lines.length;
  return (
    <Flex vertical gap={8}>
      {encodingSuggestion ? (
        <Alert
          type="warning"
          showIcon
          title={t('encoding.suggestTitle', { encoding: encodingName(preview.encoding) })}
          description={t('encoding.suggestBody', {
            other: encodingName(encodingSuggestion.encoding),
            headers: joinWith(t, 'common.enumeration', encodingSuggestion.headers.filter((h) => h !== '')),
          })}
        />
      ) : null}
      {invalidBytes ? (
        <Alert
          type="warning"
          showIcon
          title={t('encoding.invalidTitle', { count: invalidBytes.sequences, encoding: encodingName(invalidBytes.encoding), lines: invalidBytes.lines })}
          description={
            <>
              <div>{t('encoding.invalidBody')}</div>
              <div>
                {moreLines
                  ? t('encoding.invalidLinesMore', { lines: joinWith(t, 'common.enumeration', lines) })
                  : t('encoding.invalidLines', { n: lines.length, lines: joinWith(t, 'common.enumeration', lines) })}
              </div>
            </>
          }
        />
      ) : null}
    </Flex>
  );
}
