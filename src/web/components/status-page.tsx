import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title';

type StatusPageProps = {
  title: string;
  text: string;
  linkLabel: string;
  linkTo?: string;
};

/** A page that explains why there is nothing to show (not found, no access) and offers a way on. */
export function StatusPage({ title, text, linkLabel, linkTo = '/' }: StatusPageProps) {
  usePageTitle(title);
  return (
    <Center py={64} px="md">
      <Paper withBorder p="xl" radius="md" maw={520} w="100%">
        <Stack gap="md">
          <Title order={1} fz={28} c="brand.9">
            {title}
          </Title>
          <Text>{text}</Text>
          <div>
            <Button component={Link} to={linkTo}>
              {linkLabel}
            </Button>
          </div>
        </Stack>
      </Paper>
    </Center>
  );
}
