import { useUndoNotice } from '../../../hooks/useUndoNotice.tsx';

/** A success notice with 撤销 for a usage or competitor-event write (its undo token). */
export function useSignalUndo(): (title: string, undoToken: string) => void {
  return useUndoNotice('signals:undo', { undo: 'signals.undo', undone: 'signals.undone' }, 10);
}
