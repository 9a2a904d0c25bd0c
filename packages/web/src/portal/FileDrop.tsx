import { Button, CloseButton, FileButton, Group, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './messages.js';

const LIST = { listStyle: 'none', padding: 0, margin: '4px 0 0' } as const;
const ITEM = { display: 'flex', gap: 4, justifyContent: 'center', alignItems: 'center' } as const;

/**
 * Files to send with a ticket or reply: dropped on the zone (the mouse's way) or chosen with the
 * button in it (the keyboard's way), each removable before sending.
 */
export function FileDrop({
  files,
  onChange,
  label,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [isOver, setIsOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    onChange([...files, ...Array.from(event.dataTransfer.files)]);
  };
  return (
    <fieldset
      className="dropzone"
      data-over={isOver}
      style={{ margin: 0, minWidth: 0 }}
      onDragOver={(e) => {
        e.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
    >
      <legend style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, padding: '0 4px' }}>
        {label}
      </legend>
      <Group justify="center" gap="xs">
        <Text size="sm">{t('portal.files.drop')}</Text>
        <FileButton multiple onChange={(chosen) => onChange([...files, ...chosen])}>
          {(props) => (
            <Button {...props} size="compact-xs" variant="default">
              {t('portal.files.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      {files.length > 0 && (
        <ul style={LIST}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`} style={ITEM}>
              <Text size="xs" span>
                {file.name} ({t('portal.files.size', { kb: Math.ceil(file.size / 1024) })})
              </Text>
              <CloseButton
                size="xs"
                aria-label={t('portal.files.remove', { name: file.name })}
                onClick={() => onChange(files.filter((_, n) => n !== index))}
              />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
