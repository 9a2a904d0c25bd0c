import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.js';
import { applyLocale, ME } from './shell/session.js';

export function SignIn() {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    try {
      const user = applyLocale(await api.login(email.trim(), password));
      client.setQueryData(ME, user);
    } catch (e) {
      if (e instanceof ApiError) setError(e.problem?.detail ?? e.problem?.title ?? t('signIn.failed'));
      else setError(t('error.network'));
      setIsSubmitting(false);
    }
  }

  return (
    <Paper
      component="form"
      withBorder
      p="lg"
      maw={380}
      mx="auto"
      mt="xl"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
    >
      <Stack>
        <Title order={1} size="h2" id={`${id}-title`}>
          {t('signIn.title')}
        </Title>
        <TextInput
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={isSubmitting}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
