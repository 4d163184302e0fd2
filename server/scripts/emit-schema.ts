/** Writes the API schema to server/schema.graphql (`npm run schema -w server`). */
import { writeFileSync } from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from '../src/graphql/print-schema';

writeFileSync(SCHEMA_FILE, await printApiSchema());
console.log(`wrote ${SCHEMA_FILE}`);
