// Which module owns an entry, from its `source_ref` ('relations.invoice:<id>', …), and how that entry is
// corrected. An entry posted for a document is corrected through the document (credit note, cancellation),
// which reverses the entry and keeps the document in step with it; reversing it from the ledger's screen
// would leave an invoice "paid" or a bill "unpaid" that the books say otherwise (decision 0039).

const CORRECTION_FR: Record<string, string> = {
  'relations.invoice':
    'elle comptabilise une facture de vente : corrigez la facture par un avoir (Relations › Factures).',
  'relations.receipt':
    'elle comptabilise un encaissement : annulez l’encaissement (Relations › Encaissements), ce qui extourne son écriture.',
  'relations.deposit_slip':
    'elle comptabilise une remise en banque, qui ne s’annule pas : corrigez par une écriture de régularisation.',
  'production.supplier_bill':
    'elle comptabilise une facture fournisseur : annulez la facture (Production › Achats), ce qui extourne son écriture.',
  'production.supplier_payment':
    'elle comptabilise le paiement d’une facture fournisseur : annulez le paiement sur la facture (Production › Achats).',
  'production.vat_return':
    'elle solde ou paie une déclaration de TVA déposée, qui ne s’annule pas : régularisez sur une déclaration suivante.',
  'personnel.pay_run':
    'elle comptabilise la paie d’un mois : annulez la paie (Personnel › Paie) tant que les salaires ne sont pas payés, ce qui extourne son écriture.',
  'personnel.pay_run_payment':
    'elle comptabilise le virement des salaires nets d’un mois, qui ne s’annule pas : corrigez par une écriture de régularisation.',
  'personnel.expense_report':
    'elle comptabilise une note de frais : annulez la note (Personnel › Notes de frais) tant qu’elle n’est pas remboursée, ce qui extourne son écriture.',
  'personnel.travel_order_advance':
    'elle comptabilise l’avance d’un ordre de mission, déduite au remboursement de sa note de frais : corrigez par une écriture de régularisation.',
  'personnel.expense_reimbursement':
    'elle comptabilise le remboursement d’une note de frais, qui ne s’annule pas : corrigez par une écriture de régularisation.',
  'ledger.fiscal_year':
    'ce sont les à-nouveaux produits par la clôture de l’exercice précédent, qui ne s’extournent pas.',
};

/** The module prefix of a source reference: 'production.vat_return:<id>:payment' → 'production.vat_return'. */
export function sourceKind(sourceRef: string): string {
  return sourceRef.split(':', 1)[0]!;
}

/** Why an entry owned by a document cannot be reversed from the ledger, in French, or null if it can. */
export function ledgerReversalRefusal(sourceRef: string | null, number: number | null): string | null {
  if (!sourceRef) return null;
  const how =
    CORRECTION_FR[sourceKind(sourceRef)] ??
    'elle a été passée par un autre module : corrigez-la depuis le document qui l’a produite.';
  return `L’écriture n° ${number ?? '?'} ne s’extourne pas depuis la comptabilité : ${how}`;
}
