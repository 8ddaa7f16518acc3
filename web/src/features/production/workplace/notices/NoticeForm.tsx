import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../../src/kernel/dates/index.ts';
import {
  type NoticeAudience,
  type NoticeCategory,
  type NoticeDto,
  noticeAudiences,
  noticeCategories,
} from '../../../../../../src/production/workplace/notices/contract.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import type { NoticeBody } from './notices-api.ts';

const k = 'production.workplace.notices';

/** The form of a notice: a new draft, or a draft being corrected. */
export function NoticeForm({
  initial,
  submit,
}: {
  initial?: NoticeDto;
  submit: (body: NoticeBody) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [category, setCategory] = useState<NoticeCategory>(initial?.category ?? 'organisation');
  const [audience, setAudience] = useState<NoticeAudience>(initial?.audience ?? 'staff');
  const [service, setService] = useState(initial?.service ?? '');
  const [author, setAuthor] = useState(initial?.author ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [publishOn, setPublishOn] = useState(initial?.publishOn ?? todayIn());
  const [expiresOn, setExpiresOn] = useState(initial?.expiresOn ?? '');
  const [pinned, setPinned] = useState(initial?.pinned ?? false);
  const save = useMutation({
    mutationFn: () =>
      submit({
        title,
        category,
        audience,
        service: audience === 'service' ? service : null,
        author,
        body,
        publishOn,
        expiresOn: expiresOn || null,
        pinned,
      }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="notice-form"
    >
      <Stack gap="md" maw={820}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t(`${k}.fields.title`)}
              required
              autoFocus
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              data-testid="notice-title"
            />
            <NativeSelect
              label={t(`${k}.fields.category`)}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as NoticeCategory)}
              data={noticeCategories.map((c) => ({ value: c, label: t(`${k}.categories.${c}`) }))}
              data-testid="notice-category"
            />
            <NativeSelect
              label={t(`${k}.fields.audience`)}
              value={audience}
              onChange={(e) => setAudience(e.currentTarget.value as NoticeAudience)}
              data={noticeAudiences.map((a) => ({ value: a, label: t(`${k}.audiences.${a}`) }))}
              data-testid="notice-audience"
            />
            {audience === 'service' ? (
              <TextInput
                label={t(`${k}.fields.service`)}
                required
                value={service}
                onChange={(e) => setService(e.currentTarget.value)}
                data-testid="notice-service"
              />
            ) : null}
            <TextInput
              label={t(`${k}.fields.author`)}
              required
              value={author}
              onChange={(e) => setAuthor(e.currentTarget.value)}
              data-testid="notice-author"
            />
            <TextInput
              type="date"
              label={t(`${k}.fields.publishOn`)}
              required
              value={publishOn}
              onChange={(e) => setPublishOn(e.currentTarget.value)}
              data-testid="notice-publish-on"
            />
            <TextInput
              type="date"
              label={t(`${k}.fields.expiresOn`)}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
              data-testid="notice-expires-on"
            />
            <Checkbox
              mt="lg"
              label={t(`${k}.fields.pinned`)}
              checked={pinned}
              onChange={(e) => setPinned(e.currentTarget.checked)}
              data-testid="notice-pinned"
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            autosize
            minRows={8}
            required
            label={t(`${k}.fields.body`)}
            description={t(`${k}.bodyHelp`)}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            data-testid="notice-body"
          />
        </Paper>
        {save.error ? (
          <Alert color="red" role="alert" data-testid="notice-error">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="notice-save">
            {t(`${k}.save`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
