import { App, Button } from 'antd';
import type { MessageKey } from '../../shared/i18n/createTranslator.ts';
import { invoke } from '../api/invoke.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** Undo operations that take the write's token (its audit batch). */
type UndoByToken = 'payments:undo' | 'signals:undo' | 'contracts:attachmentsUndo' | 'health:undoWeights' | 'risk:undo' | 'visits:undo' | 'complaints:undo' | 'surveys:undo';

/**
 * A success notice with 撤销 for a write that answered with an undo token. The row that asked may be gone when
 * 撤销 is clicked, so the undo is a plain call, not a mutation tied to that row.
 */
export function useUndoNotice(
  operation: UndoByToken,
  words: { undo: MessageKey; undone: MessageKey },
  seconds = 12,
): (title: string, undoToken: string) => void {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  return (title, undoToken) => {
    const key = `${operation}-${undoToken}`;
    notification.success({
      key,
      title,
      duration: seconds,
      showProgress: true,
      pauseOnHover: true,
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() =>
            void invoke(operation, { undoToken }).then(
              () => {
                notification.destroy(key);
                void message.success(t(words.undone));
              },
              (e: Error) => void message.error(e.message),
            )
          }
        >
          {t(words.undo)}
        </Button>
      ),
    });
  };
}
