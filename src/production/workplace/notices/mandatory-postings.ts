// The postings an employer owes the staff (affichage obligatoire), from the Code du travail (CT) and the
// Code de la santé publique (CSP), as listed by service-public.fr (fiche F23106, « Quelles sont les
// obligations d'affichage dans une entreprise ? ») — decision 0044. « byAnyMeans »: the text may be
// communicated by any means (intranet, note) instead of a poster. minHeadcount: from how many employees
// the obligation applies.

export type MandatoryPosting = {
  code: string;
  label: string;
  content: string;
  reference: string;
  byAnyMeans: boolean;
  minHeadcount: number;
};

export const MANDATORY_POSTINGS: readonly MandatoryPosting[] = [
  {
    code: 'labour_inspection',
    label: 'Inspection du travail',
    content: 'Adresse et téléphone de l’inspection du travail, nom de l’inspecteur compétent',
    reference: 'CT art. D4711-1',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'occupational_health',
    label: 'Médecine du travail',
    content: 'Adresse et téléphone du médecin du travail ou du service de prévention et de santé au travail',
    reference: 'CT art. D4711-1',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'emergency_services',
    label: 'Services de secours d’urgence',
    content: 'Adresse et téléphone des services de secours d’urgence (SAMU 15, pompiers 18, 112)',
    reference: 'CT art. D4711-1',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'discrimination_helpline',
    label: 'Lutte contre les discriminations',
    content: 'Numéro du service d’accueil téléphonique du Défenseur des droits (09 69 39 00 00)',
    reference: 'CT art. D4711-1',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'safety_instructions',
    label: 'Consignes de sécurité et d’incendie',
    content: 'Consigne incendie, noms des responsables du matériel de secours et de l’évacuation',
    reference: 'CT art. R4227-37 à R4227-39',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'working_hours',
    label: 'Horaires collectifs de travail',
    content: 'Heures de début et de fin du travail, heures et durée des repos',
    reference: 'CT art. L3171-1 et D3171-1 à D3171-5',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'paid_leave',
    label: 'Congés payés',
    content: 'Période de prise des congés (deux mois avant son ouverture) et ordre des départs',
    reference: 'CT art. D3141-5 et D3141-6',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'collective_agreement',
    label: 'Convention collective',
    content: 'Avis : intitulé des conventions et accords applicables, lieu et modalités de consultation',
    reference: 'CT art. R2262-3',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'equal_pay',
    label: 'Égalité de rémunération femmes-hommes',
    content: 'Texte des articles L3221-1 à L3221-7 du code du travail',
    reference: 'CT art. R3221-2',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'hiring_discrimination',
    label: 'Discrimination à l’embauche',
    content: 'Texte des articles 225-1 à 225-4 du code pénal',
    reference: 'CT art. L1142-6',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'moral_harassment',
    label: 'Harcèlement moral',
    content: 'Texte de l’article 222-33-2 du code pénal',
    reference: 'CT art. L1152-4',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'sexual_harassment',
    label: 'Harcèlement sexuel',
    content:
      'Texte de l’article 222-33 du code pénal, actions contentieuses, coordonnées des autorités et services compétents et des référents',
    reference: 'CT art. L1153-5 et D1151-1',
    byAnyMeans: true,
    minHeadcount: 1,
  },
  {
    code: 'risk_assessment',
    label: 'Document unique d’évaluation des risques',
    content: 'Modalités d’accès des salariés au document unique',
    reference: 'CT art. R4121-4',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'smoking_ban',
    label: 'Interdiction de fumer et de vapoter',
    content: 'Signalisation de l’interdiction de fumer et de vapoter dans les locaux',
    reference: 'CSP art. R3512-7 et R3513-3',
    byAnyMeans: false,
    minHeadcount: 1,
  },
  {
    code: 'internal_rules',
    label: 'Règlement intérieur',
    content: 'Règlement intérieur, affiché à une place aisément accessible',
    reference: 'CT art. L1311-2 et R1321-1',
    byAnyMeans: true,
    minHeadcount: 50,
  },
];

/** A posting not checked for a year is « à vérifier » (coordinates and hours change; decision 0044). */
export const REVIEW_MONTHS = 12;
