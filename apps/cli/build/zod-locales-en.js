// zod exports every locale as `z.locales` (about 360 KB of the csbs bundle's 840 KB of
// zod, parsed by every command that validates). zod itself configures English at load
// (`config(en())` in classic/external.js, which imports en.js directly), and csbs never
// picks another locale, so in the csbs bundle `z.locales` holds English alone.
export { default as en } from 'zod/v4/locales/en.js';
