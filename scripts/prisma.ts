// `npm run prisma -- <args>`: the Prisma CLI, kept offline (see runtime/prisma-cli.ts).
import { runPrismaCli } from '../runtime/prisma-cli.ts';

try {
  process.stdout.write(runPrismaCli(process.argv.slice(2)));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
