// npm run bench [-- name…]: runs the named benchmarks (all by default) and prints their tables.
const all = ['http'] as const;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : all) {
  console.log(`\n## ${name}\n`);
  await import(`./${name === 'http' ? 'http-load' : name}.ts`);
}
