import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { trimmedName } from './fields.ts';

export const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.string().nullable() });
export type Tag = z.infer<typeof tagSchema>;

export const tagsContract = {
  'tags:list': { input: z.object({}), output: z.object({ items: z.array(tagSchema), total: z.number() }) },
  'tags:create': {
    input: z.object({
      name: trimmedName('label.tagName', 30),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, issue('validation.color')).nullable().optional(),
    }),
    output: tagSchema,
    changes: ['tags'],
  },
} as const;
