// The words a job offer may not carry (decision 0045). C. trav. L1132-1 forbids discriminating among
// applicants on their origin, sex, morals, sexual orientation, gender identity, age, family situation,
// pregnancy, genetic characteristics, economic vulnerability, ethnic group, nation or alleged race,
// political opinions, trade-union activities, religious beliefs, physical appearance, surname, place of
// residence, bank domiciliation, health, loss of autonomy, disability, ability to speak another language
// than French; L1142-1 forbids naming the sex or the family situation sought in an offer; L5331-2 forbids
// an upper age limit in a published offer. These rules look for the obvious wordings only: a human still
// reads the offer. They work on the text folded to lower case without accents, and each pattern is
// written so the usual lawful wordings pass (« H/F », « homme ou femme », « 10 ans d'expérience »,
// « accueil des jeunes », « permis B valide »). The exceptions of L1133-1 (a genuine and determining
// occupational requirement) and of the civil service (nationality) are not decided here: such an offer
// is refused and the wording must be changed, or the requirement stated in neutral terms.

export type ForbiddenCriterion = { criterion: string; excerpt: string };

// After a number of years, these words mean experience or seniority, not age.
const NOT_AGE = String.raw`(?!\s*(?:minimum\s*|maximum\s*|au moins\s*)?(?:d'|d |de |dans |en )?(?:experience|anciennete|pratique|metier|poste|exercice))`;

const RULES: readonly { criterion: string; pattern: RegExp }[] = [
  // Age (L1132-1, L5331-2).
  { criterion: 'âge', pattern: new RegExp(String.raw`\b(?:moins|plus) de \d{2} ans\b${NOT_AGE}`) },
  { criterion: 'âge', pattern: new RegExp(String.raw`\bentre \d{2} et \d{2} ans\b${NOT_AGE}`) },
  { criterion: 'âge', pattern: new RegExp(String.raw`\b\d{2} ?(?:a|-) ?\d{2} ans\b${NOT_AGE}`) },
  {
    criterion: 'âge',
    pattern: new RegExp(String.raw`\b\d{2} ans (?:maximum|minimum|max|au plus)\b${NOT_AGE}`),
  },
  { criterion: 'âge', pattern: /\bage (?:maximum|minimum|max|min|limite|requis|souhaite)\b/ },
  { criterion: 'âge', pattern: /\bage ?: ?\d/ },
  { criterion: 'âge', pattern: /\blimite d'age\b/ },
  {
    criterion: 'âge',
    pattern:
      /\bjeunes? (?:diplomee?s?|hommes?|femmes?|filles?|garcons?|candidate?s?|profils?|retraitee?s?|et dynamiques?|dynamiques?)\b/,
  },
  // Sex and family situation (L1132-1, L1142-1).
  { criterion: 'sexe', pattern: /\b(?:hommes?|femmes?) (?:uniquement|exclusivement|seulement)\b/ },
  {
    criterion: 'sexe',
    pattern: /\b(?:uniquement|exclusivement|seulement) (?:des |un |une )?(?:hommes?|femmes?)\b/,
  },
  { criterion: 'sexe', pattern: /\b(?:de )?sexe (?:masculin|feminin)\b/ },
  { criterion: 'sexe', pattern: /\bpas de (?:femmes?|hommes?)\b/ },
  { criterion: 'situation de famille', pattern: /\b(?:celibataire|sans enfants?|pas d'enfants?)\b/ },
  { criterion: 'grossesse', pattern: /\b(?:pas|non) enceinte\b|\bprojet de grossesse\b/ },
  // Origin, ethnic group, nation, alleged race (L1132-1).
  {
    criterion: 'origine',
    pattern: /\bd'origine (?:francaise|europeenne|africaine|maghrebine|asiatique|etrangere)\b/,
  },
  {
    criterion: 'origine',
    pattern: /\bde souche\b|\btype (?:europeen|africain|asiatique|maghrebin|caucasien)\b/,
  },
  { criterion: 'origine', pattern: /\bethnie\b|\bcouleur de peau\b|\bpeau (?:blanche|noire)\b/ },
  {
    criterion: 'nationalité',
    pattern: /\bnationalite (?:francaise|europeenne) (?:exigee|obligatoire|requise|uniquement|imperative)\b/,
  },
  // Physical appearance, health, disability.
  {
    criterion: 'apparence physique',
    pattern:
      /\b(?:belle|bonne|jolie) (?:presentation|apparence)\b|\b(?:bon |beau )physique\b|\bphysique agreable\b/,
  },
  { criterion: 'apparence physique', pattern: /\b(?:mince|taille minimum)\b/ },
  { criterion: 'état de santé', pattern: /\ben bonne sante\b|\bbonne sante (?:exigee|obligatoire)\b/ },
  { criterion: 'handicap', pattern: /\b(?:sans|pas de|aucun) handicap\b|\bnon handicapee?\b/ },
  // Beliefs, opinions, union activity.
  { criterion: 'convictions religieuses', pattern: /\bde confession\b|\b(?:non )?pratiquante?\b/ },
  {
    criterion: 'activités syndicales',
    pattern: /\bnon syndiquee?\b|\bsans (?:engagement|activite) syndicale?\b/,
  },
  { criterion: 'opinions politiques', pattern: /\bopinions? politiques?\b/ },
  // Place of residence, language.
  {
    criterion: 'lieu de résidence',
    pattern: /\b(?:residant|residante|domiciliee?|habitant|habitante) (?:a|au|aux|dans|en|sur)\b/,
  },
  { criterion: 'langue maternelle', pattern: /\blangue maternelle\b/ },
];

/** Lower case, accents removed, apostrophes and spaces made plain: what the rules are written against. */
export function foldForCheck(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ');
}

/** The forbidden criteria an offer's text mentions, with the words found; empty when none. */
export function forbiddenCriteria(text: string): ForbiddenCriterion[] {
  const folded = foldForCheck(text);
  const found: ForbiddenCriterion[] = [];
  for (const rule of RULES) {
    const match = rule.pattern.exec(folded);
    if (match) found.push({ criterion: rule.criterion, excerpt: match[0].trim() });
  }
  return found;
}

/** The French refusal: which criteria, which words, which articles. */
export function forbiddenCriteriaMessage(found: ForbiddenCriterion[]): string {
  const list = found.map((f) => `« ${f.excerpt} » (${f.criterion})`).join(', ');
  return `L’offre ne peut être publiée : elle mentionne un critère discriminatoire interdit (C. trav. L1132-1, L1142-1, L5331-2) : ${list}. Reformulez-la en décrivant le poste et les compétences attendues.`;
}
