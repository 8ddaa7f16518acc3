import { z } from 'zod';

// The contracts carry their own French messages; zod's generic ones (wrong type…) are French too.
z.config(z.locales.fr());
