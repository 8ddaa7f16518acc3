// npm run bench [-- name…]: runs the named benchmarks (all by default) and prints their tables.
const files: Record<string, string> = {
  http: './http-load.ts',
  ledger: './ledger.ts',
  invoices: './invoices.ts',
  training: './training.ts',
};
const all = Object.keys(files);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : all) {
  console.log(`\n## ${name}\n`);
  if (!files[name]) throw new Error(`Banc inconnu : ${name} (connus : ${all.join(', ')})`);
  await import(files[name]);
}
