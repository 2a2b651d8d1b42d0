import * as z from './zodSetup.ts';

/**
 * What the desktop's save channel accepts from the renderer (checked in electron/main): a bare file name, never a
 * folder, and the bytes. The user picks the folder in the save dialog.
 */
export const saveFileRequestSchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20) && name !== '.' && name !== '..'),
  contentBase64: z.string().max(700 * 1024 * 1024),
});
