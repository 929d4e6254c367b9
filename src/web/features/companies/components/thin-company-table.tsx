import { Button, Table, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ThinCompany } from '../../../../contracts/companies';
import { ToneBadge } from '../../../components/tone-badge';
import { CompanyStatusBadge } from './company-status-badge';

type ThinCompanyTableProps = {
  caption: string;
  items: ThinCompany[];
  onRequestHandover: (company: ThinCompany) => void;
};

/** Companies of other organisations in the thin view: enough to see who holds them. */
export function ThinCompanyTable({ caption, items, onRequestHandover }: ThinCompanyTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('companies.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('companies.columns.organisationNumber')}</Table.Th>
            <Table.Th scope="col">{t('companies.columns.organisation')}</Table.Th>
            <Table.Th scope="col">{t('companies.columns.status')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((company) => (
            <Table.Tr key={company.id}>
              <Table.Td>
                <Text fw={600}>{company.name}</Text>
              </Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {company.organisationNumber}
              </Table.Td>
              <Table.Td>{company.organisationName}</Table.Td>
              <Table.Td>
                <CompanyStatusBadge status={company.status} />
              </Table.Td>
              <Table.Td ta="right">
                {company.hasPendingHandover ? (
                  <ToneBadge tone="warning">{t('companies.handover.pending')}</ToneBadge>
                ) : company.isOwn ? null : (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconArrowsExchange size={16} aria-hidden />}
                    onClick={() => onRequestHandover(company)}
                    aria-label={t('companies.handover.openFor', { name: company.name })}
                  >
                    {t('companies.handover.open')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
