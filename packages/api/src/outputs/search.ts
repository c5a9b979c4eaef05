import { z } from 'zod';
import { SEARCH_KINDS } from '@souk/core';

export const searchAdminOutput = z.array(
  z.object({
    kind: z.enum(SEARCH_KINDS),
    items: z.array(
      z.object({ id: z.string(), title: z.string(), subtitle: z.string(), href: z.string() }),
    ),
  }),
);
