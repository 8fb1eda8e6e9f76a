// SQL migrations and message catalogues are read at run time, so they ship beside the compiled code.
import { cpSync } from 'node:fs';

for (const dir of ['storage/migrations', 'i18n/locales']) {
  cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true });
}
