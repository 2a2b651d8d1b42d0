import { useEffect, useState } from 'react';
import type { ApiEvents } from '../../../shared/api/events.ts';
import { bridge } from '../../api/bridge.ts';

/** The latest progress event of the import tagged with `id` (the upload id). */
export function useImportProgress(id: string | null): ApiEvents['import:progress'] | null {
  const [progress, setProgress] = useState<ApiEvents['import:progress'] | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!id) return undefined;
    return bridge.on('import:progress', (p) => {
      if (p.id === id) setProgress(p);
    });
  }, [id]);
  return progress;
}
