import { App, Button } from 'antd';
import { invoke } from '../../../api/invoke.ts';
import { useI18n } from '../../../i18n/useI18n.ts';

const UNDO_SECONDS = 10;

/** A success notice with 撤销 for a usage or competitor-event write (its undo token). */
export function useSignalUndo(): (title: string, undoToken: string) => void {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  return (title, undoToken) => {
    const key = `signal-${undoToken}`;
    notification.success({
      key,
      title,
      duration: UNDO_SECONDS,
      showProgress: true,
      pauseOnHover: true,
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() =>
            void invoke('competitorEvents:undo', { undoToken }).then(
              () => {
                notification.destroy(key);
                void message.success(t('signals.undone'));
              },
              (e: Error) => void message.error(e.message),
            )
          }
        >
          {t('signals.undo')}
        </Button>
      ),
    });
  };
}
