import { Badge, Group, type MantineColor } from '@mantine/core';
import { isGlobalRole, isTeamRole, type GlobalRole } from '@hundred/domain';
import { useTranslation } from 'react-i18next';

const COLORS: Record<GlobalRole, MantineColor> = {
  ADMIN: 'hundred',
  LEADERSHIP: 'indigo',
  FOCAL_POINT: 'orange',
  REVIEWER: 'grape',
};

/**
 * A person's global roles, then the roles they hold on teams still running (outlined); none shown
 * when they are not the viewer's to see (null).
 */
export function RoleBadges({
  roles,
  teamRoles = null,
  size = 'sm',
}: {
  roles: readonly string[] | null;
  teamRoles?: readonly string[] | null;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {(roles ?? []).filter(isGlobalRole).map((role) => (
        <Badge key={role} size={size} variant="light" color={COLORS[role]} tt="none">
          {t(`roles.${role}`)}
        </Badge>
      ))}
      {(teamRoles ?? []).filter(isTeamRole).map((role) => (
        <Badge key={role} size={size} variant="outline" color="gray" tt="none" data-testid="team-role">
          {t(`teams.roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
