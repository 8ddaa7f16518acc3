import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { STOCK_SERVE } from '../../../referentiel/activities.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { StockItemForm } from './StockItemForm.tsx';
import { createStockItem } from './stock-api.ts';

// A new stocked item: goods sold (linked to their catalogue item) or supplies used inside.

const route = getRouteApi('/orgs/$orgId/production/stock/new');

export function NewStockItemPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  return (
    <>
      <PageHeader title={t('production.stock.newTitle')} served={STOCK_SERVE} />
      <StockItemForm
        orgId={orgId}
        save={(body) => createStockItem(orgId, body)}
        onSaved={async (item) => {
          await navigate({ to: '/orgs/$orgId/production/stock/$itemId', params: { orgId, itemId: item.id } });
        }}
        submitLabel={t('production.stock.save')}
      />
    </>
  );
}
