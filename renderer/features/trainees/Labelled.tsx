import { Text } from '@mantine/core';

/** One "label: value" line of a timeline entry's body; nothing when there is no value (e.g. redacted). */
export function Labelled({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}
