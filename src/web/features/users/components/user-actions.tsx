import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconMailForward, IconPencil, IconShieldOff, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users';

export type UserAction = 'edit' | 'resendInvitation' | 'resetSecondFactor' | 'deactivate' | 'reactivate';

type UserActionsProps = {
  user: User;
  isSelf: boolean;
  onAction: (action: UserAction, user: User) => void;
};

/** What can be done with one user, in a menu named after them ("Fler val för Anna Andersson"). */
export function UserActions({ user, isSelf, onAction }: UserActionsProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          size="lg"
          aria-label={t('users.actions.label', { name: user.name })}
        >
          <IconDots size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction('edit', user)}>
          {t('users.actions.edit')}
        </Menu.Item>
        {user.status === 'invited' ? (
          <Menu.Item
            leftSection={<IconMailForward size={16} aria-hidden />}
            onClick={() => onAction('resendInvitation', user)}
          >
            {t('users.actions.resendInvitation')}
          </Menu.Item>
        ) : null}
        {user.hasSecondFactor && !isSelf ? (
          // For someone who lost the phone with their codes; one's own is turned off under Security.
          <Menu.Item
            leftSection={<IconShieldOff size={16} aria-hidden />}
            onClick={() => onAction('resetSecondFactor', user)}
          >
            {t('users.actions.resetSecondFactor')}
          </Menu.Item>
        ) : null}
        {user.status === 'deactivated' ? (
          <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => onAction('reactivate', user)}>
            {t('users.actions.reactivate')}
          </Menu.Item>
        ) : (
          // An admin cannot lock themselves out by mistake from this list.
          <Menu.Item
            color="red.8"
            disabled={isSelf}
            leftSection={<IconUserOff size={16} aria-hidden />}
            onClick={() => onAction('deactivate', user)}
          >
            {t('users.actions.deactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
