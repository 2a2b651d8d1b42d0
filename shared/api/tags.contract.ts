import { z } from './zodSetup.ts';
import { trimmedName } from './fields.ts';

export const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.string().nullable() });
export type Tag = z.infer<typeof tagSchema>;

export const tagsContract = {
  'tags:list': { input: z.object({}), output: z.object({ items: z.array(tagSchema), total: z.number() }) },
  'tags:create': {
    input: z.object({
      name: trimmedName('标签名称', 30),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色格式应为 #RRGGBB').nullable().optional(),
    }),
    output: tagSchema,
    changes: ['tags'],
  },
} as const;
