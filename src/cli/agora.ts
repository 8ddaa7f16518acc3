import { Command, Option } from 'commander';
import { ensureDemo } from '../demo/seed.ts';
import { verifyAuditChain } from '../kernel/audit/audit.ts';
import { copyOrganisation } from '../kernel/copy/copy-organisation.ts';
import { backupSqlite, migrateToLatest, openStore, type Store } from '../kernel/db/index.ts';
import { isDomainError } from '../kernel/errors/domain-error.ts';
import { organisationInput } from '../kernel/organisations/contract.ts';
import { createOrganisation } from '../kernel/organisations/organisation.ts';
import { ROLES, type Role } from '../kernel/roles/permissions.ts';
import { createUser, findUserByEmail, setMembership } from '../kernel/users/users.ts';
import { ensureLedger, exportFecFile, importFecFile } from '../ledger/index.ts';
import { readConfig } from '../server/config.ts';
import { progressBar } from './progress.ts';

const config = readConfig();

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Prints French errors plainly (no stack) and exits non-zero. */
// biome-ignore lint/suspicious/noExplicitAny: commander passes untyped arguments
function run(action: (...args: any[]) => Promise<void>) {
  // biome-ignore lint/suspicious/noExplicitAny: same
  return async (...args: any[]) => {
    try {
      await action(...args);
    } catch (error) {
      if (isDomainError(error)) {
        process.stderr.write(`Erreur : ${error.message}\n`);
        for (const issue of error.issues) process.stderr.write(`  - ${issue.field} : ${issue.message}\n`);
      } else {
        process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    }
  };
}

async function serve(options: { port?: string; demo: boolean }) {
  const store = openStore(config.databaseUrl);
  const applied = await migrateToLatest(store);
  if (applied.length > 0) process.stdout.write(`Base de données à jour (${applied.length} migrations).\n`);
  const demo = options.demo ? await ensureDemo(store) : null;
  // Loaded here only: the other commands start faster without the whole HTTP application.
  const { buildApp } = await import('../server/app.ts');
  const app = await buildApp({
    store,
    documentsDir: config.documentsDir,
    webDir: config.webDir,
    secureCookies: config.secureCookies,
    secretKey: config.secretKey,
    mailWorker: true,
    logger: process.env.AGORA_LOG === '1',
  });
  const port = options.port ? Number(options.port) : config.port;
  await app.listen({ port, host: config.host });
  const where = store.dialect === 'sqlite' ? store.location : 'PostgreSQL';
  process.stdout.write(`\nAgora est prêt : http://localhost:${port}\nBase : ${where}\n`);
  if (demo) process.stdout.write(`Connexion de démonstration : ${demo.email} / ${demo.password}\n`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const program = new Command()
  .name('agora')
  .description('Agora — PGI des petites organisations et plateforme du Bac pro AGOrA')
  .showHelpAfterError();

program
  .command('serve')
  .description('Démarrer le serveur (production : aucune donnée de démonstration)')
  .option('-p, --port <port>', 'port HTTP (défaut : $PORT ou 3000)')
  .action(run((options: { port?: string }) => serve({ ...options, demo: false })));

program
  .command('start')
  .description('Démarrer le serveur avec l’organisation de démonstration (npm start)')
  .option('-p, --port <port>', 'port HTTP (défaut : $PORT ou 3000)')
  .action(run((options: { port?: string }) => serve({ ...options, demo: true })));

program
  .command('migrate')
  .description('Appliquer les migrations de la base de données')
  .action(
    run(async () => {
      const store = openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store);
        process.stdout.write(applied.length ? `${applied.join('\n')}\n` : 'Base déjà à jour.\n');
      } finally {
        await store.close();
      }
    }),
  );

program
  .command('create-user')
  .description('Créer un utilisateur, éventuellement membre d’une organisation')
  .requiredOption('--email <email>', 'adresse e-mail (identifiant)')
  .requiredOption('--name <name>', 'nom affiché')
  .option('--password <password>', 'mot de passe (ou variable AGORA_PASSWORD)')
  .option('--org <orgId>', 'organisation à rejoindre')
  .addOption(
    new Option('--role <role>', 'rôle dans l’organisation').choices(ROLES as string[]).default('owner'),
  )
  .action(
    run(async (o: { email: string; name: string; password?: string; org?: string; role: Role }) => {
      const password = o.password ?? process.env.AGORA_PASSWORD;
      if (!password) throw new Error('Indiquez --password ou la variable AGORA_PASSWORD.');
      await withStore(async (store) => {
        const user = await store.db.transaction().execute(async (trx) => {
          const created = await createUser(trx, { email: o.email, name: o.name, password });
          if (o.org)
            await setMembership(trx, { orgId: o.org, userId: created.id, role: o.role, actorId: null });
          return created;
        });
        process.stdout.write(`${user.id}\n`);
      });
    }),
  );

program
  .command('create-org')
  .description('Créer une organisation')
  .requiredOption('--name <name>', 'raison sociale ou nom')
  .addOption(
    new Option('--kind <kind>', 'type')
      .choices(['company', 'association', 'public_body', 'health_social'])
      .default('company'),
  )
  .option('--siren <siren>', 'SIREN (9 chiffres)')
  .option('--siret <siret>', 'SIRET (14 chiffres)')
  .option('--vat-number <vat>', 'numéro de TVA intracommunautaire')
  .option('--legal-form <form>', 'forme juridique (SARL, association loi 1901…)')
  .addOption(
    new Option('--vat-regime <regime>', 'régime de TVA')
      .choices(['normal_monthly', 'normal_quarterly', 'simplified', 'franchise', 'not_liable'])
      .default('normal_monthly'),
  )
  .option('--fiscal-year-start <MM-DD>', 'début de l’exercice', '01-01')
  .option('--owner <email>', 'e-mail de l’utilisateur responsable')
  .action(
    run(async (o: Record<string, string | undefined>) => {
      const parsed = organisationInput.safeParse({
        name: o.name,
        kind: o.kind,
        siren: o.siren,
        siret: o.siret,
        vatNumber: o.vatNumber,
        legalForm: o.legalForm,
        vatRegime: o.vatRegime,
        fiscalYearStart: o.fiscalYearStart,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          process.stderr.write(`Erreur : ${issue.path.join('.')} : ${issue.message}\n`);
        process.exitCode = 1;
        return;
      }
      await withStore(async (store) => {
        const owner = o.owner ? await findUserByEmail(store.db, o.owner) : undefined;
        if (o.owner && !owner) throw new Error(`Aucun utilisateur ${o.owner}.`);
        const org = await store.db.transaction().execute(async (trx) => {
          const created = await createOrganisation(trx, parsed.data, owner?.id ?? null);
          await ensureLedger(trx, created.id, owner?.id ?? null);
          return created;
        });
        process.stdout.write(`${org.id}\n`);
      });
    }),
  );

program
  .command('copy-org')
  .description('Copier une organisation entière (modèle, bac à sable)')
  .argument('<orgId>', 'organisation source')
  .option('--name <name>', 'nom de la copie')
  .option('--owner <email>', 'donner le rôle de responsable de la copie à cet utilisateur')
  .action(
    run(async (orgId: string, o: { name?: string; owner?: string }) => {
      await withStore(async (store) => {
        const bar = progressBar('Copie');
        const result = await store.db.transaction().execute(async (trx) => {
          const copy = await copyOrganisation(
            trx,
            store.dialect,
            { sourceOrgId: orgId, name: o.name, actorId: null },
            (d, t) => bar.update(d, t),
          );
          if (o.owner) {
            const owner = await findUserByEmail(trx, o.owner);
            if (!owner) throw new Error(`Aucun utilisateur ${o.owner}.`);
            await setMembership(trx, { orgId: copy.orgId, userId: owner.id, role: 'owner', actorId: null });
          }
          return copy;
        });
        bar.stop();
        const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(`${result.orgId}\n`);
        process.stderr.write(`${total} lignes copiées.\n`);
      });
    }),
  );

program
  .command('verify-audit')
  .description('Vérifier le chaînage du journal d’audit (toutes les organisations par défaut)')
  .option('--org <orgId>', 'une seule organisation')
  .action(
    run(async (o: { org?: string }) => {
      await withStore(async (store) => {
        const orgs = o.org
          ? [o.org]
          : (await store.db.selectFrom('organisation').select('org_id').orderBy('org_id').execute()).map(
              (r) => r.org_id,
            );
        const bar = progressBar('Vérification');
        let broken = 0;
        const lines: string[] = [];
        for (const [i, orgId] of orgs.entries()) {
          const report = await verifyAuditChain(store.db, orgId);
          bar.update(i + 1, orgs.length);
          if (report.ok) lines.push(`OK  ${orgId} : ${report.events} évènements`);
          else {
            broken++;
            lines.push(`KO  ${orgId} :`, ...report.problems.map((p) => `    ${p}`));
          }
        }
        bar.stop();
        process.stdout.write(`${lines.join('\n')}\n`);
        if (broken > 0) {
          process.stderr.write(`Erreur : ${broken} journal(aux) d’audit rompu(s).\n`);
          process.exitCode = 1;
        }
      });
    }),
  );

program
  .command('backup')
  .description('Sauvegarder la base SQLite à chaud (pour PostgreSQL : pg_dump)')
  .argument('<destination>', 'fichier de sauvegarde')
  .action(
    run(async (destination: string) => {
      const store = openStore(config.databaseUrl);
      await store.close();
      if (store.dialect === 'postgres') {
        process.stderr.write(
          'La base est sur PostgreSQL : sauvegardez-la avec ses outils, par exemple\n' +
            `  pg_dump --format=custom --file=${destination} "$DATABASE_URL"\n` +
            'et restaurez avec pg_restore --clean --dbname=… (voir docs/operations.md).\n',
        );
        process.exitCode = 2;
        return;
      }
      const bar = progressBar('Sauvegarde');
      await backupSqlite(store.location, destination, (d, t) => bar.update(d, t));
      bar.stop();
      process.stdout.write(`Sauvegarde écrite : ${destination}\n`);
    }),
  );

program
  .command('export-fec')
  .description('Exporter le fichier des écritures comptables (FEC) d’un exercice')
  .requiredOption('--org <orgId>', 'organisation')
  .requiredOption('--fiscal-year <year>', 'exercice : année de clôture (ex. 2026) ou identifiant')
  .option('--out <file>', 'fichier à écrire (défaut : SIRENFECAAAAMMJJ.txt dans le dossier courant)')
  .action(
    run(async (o: { org: string; fiscalYear: string; out?: string }) => {
      await withStore(async (store) => {
        // The year is checked while it is written: a refusal lists the problems and leaves no file.
        const bar = progressBar('Export FEC');
        const fec = await exportFecFile(
          store.db,
          o.org,
          o.fiscalYear,
          (name) => o.out ?? name,
          (done, total) => bar.update(done, total),
        );
        bar.stop();
        process.stdout.write(`${fec.path}\n`);
        process.stderr.write(`${fec.lineCount} lignes d’écritures exportées.\n`);
      });
    }),
  );

program
  .command('import-fec')
  .description('Importer un FEC dans une organisation (code de sortie 2 si des lignes sont rejetées)')
  .argument('<file>', 'fichier FEC (tabulation ou |, UTF-8 ou ISO-8859-15)')
  .requiredOption('--org <orgId>', 'organisation qui reçoit les écritures')
  .action(
    run(async (file: string, o: { org: string }) => {
      await withStore(async (store) => {
        const bar = progressBar('Import FEC');
        // Streamed from the file: a 1M-line FEC never sits in memory whole.
        const report = await importFecFile(store.db, o.org, file, null, (done, total) =>
          bar.update(done, total),
        );
        bar.stop();
        for (const r of report.rejected) process.stderr.write(`Rejet ligne ${r.line} : ${r.reason}\n`);
        for (const w of report.warnings) process.stderr.write(`Remarque ligne ${w.line} : ${w.reason}\n`);
        process.stdout.write(
          `${report.entries} écritures (${report.lines} lignes) importées ; ` +
            `${report.accountsCreated} comptes, ${report.journalsCreated} journaux, ` +
            `${report.fiscalYearsCreated} exercices créés ; ${report.letterings} lettrages ; ` +
            `${report.rejected.length} lignes rejetées.\n`,
        );
        if (report.rejected.length > 0) process.exitCode = 2;
      });
    }),
  );

program
  .command('coverage')
  .description(
    'Couverture du référentiel : pour chaque tâche et compétence, les écrans et opérations qui la servent',
  )
  .option('--referentiel <id>', 'référentiel (fichier data/referentiels/<id>.json)', 'agora')
  .option('--json', 'sortie JSON')
  .action(
    run(async (o: { referentiel: string; json?: boolean }) => {
      const { coverageReport, loadReferentiel } = await import('../training/index.ts');
      const referentiel = loadReferentiel(o.referentiel);
      const report = coverageReport(referentiel);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const list = (items: string[]) => (items.length > 0 ? items.join(', ') : '—');
      const out: string[] = [
        `Couverture du référentiel ${referentiel.code} (${referentiel.id})`,
        '',
        'Tâches',
      ];
      for (const t of report.tasks)
        out.push(
          `  ${t.code}  ${t.title}`,
          `      écrans : ${list(t.screens)}`,
          `      opérations : ${list(t.operations)}`,
        );
      out.push('', 'Compétences');
      for (const c of report.competencies)
        out.push(
          `  ${c.code}  ${c.title} (${c.block})`,
          `      écrans : ${c.screens.length} ; opérations : ${c.operations.length}`,
        );
      out.push(
        '',
        `Non servies : ${report.unservedTasks.length} tâche(s) sur ${report.tasks.length}, ` +
          `${report.unservedCompetencies.length} compétence(s) sur ${report.competencies.length}`,
        `  tâches : ${list(report.unservedTasks)}`,
        `  compétences : ${list(report.unservedCompetencies)}`,
      );
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );

await program.parseAsync(process.argv);
