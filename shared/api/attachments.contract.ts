import * as z from './zodSetup.ts';
import { idField } from './fields.ts';

// A contract's attachments (the scanned contract, a PDF or a photo). The bytes of a new attachment arrive through `import:upload`, in base64 pieces under its cap, as
// an import's and a restore's do; reading one answers with its bytes in base64.

/** The largest attachment: a phone photo or a scanned contract of many pages fits well inside. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** What an attachment may be, found by its first bytes (the name's extension is not trusted). */
export const ATTACHMENT_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

export const attachmentSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  /** The name the file had when it was added. */
  fileName: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const undoable = { undoToken: z.string() };

export const attachmentsContract = {
  'contracts:attachmentsList': {
    input: z.object({ contractId: idField }),
    output: z.object({ items: z.array(attachmentSchema), total: z.number().int() }),
  },
  /** Attaches an upload (`import:upload`) to a live contract; the upload is discarded whatever happens. */
  'contracts:attachmentsAdd': {
    input: z.object({ contractId: idField, uploadId: idField }),
    output: z.object({ attachment: attachmentSchema, ...undoable }),
    changes: ['contracts'],
  },
  'contracts:attachmentsRemove': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), fileName: z.string(), ...undoable }),
    changes: ['contracts'],
  },
  /** Undoes an add (the attachment goes) or a remove (it comes back). */
  'contracts:attachmentsUndo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: ['contracts'],
  },
  /** The attachment's bytes, for a download, the web host's preview and the desktop's open. */
  'contracts:attachmentsRead': {
    input: z.object({ id: idField }),
    output: attachmentSchema.extend({ contentBase64: z.string() }),
  },
} as const;
