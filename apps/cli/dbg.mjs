import { writeFileSync } from 'node:fs';
import { startEmulator } from '@tgraph/emulator';

const em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
writeFileSync('/tmp/dbg-env.json', JSON.stringify({ TG_HOST: em.gsUrl }));
console.log(em.gsUrl);
setTimeout(() => em.stop(), 600000);
