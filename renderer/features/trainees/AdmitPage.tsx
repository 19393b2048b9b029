import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAdmitMutation } from '../../api/api';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { applyServerIssues } from '../../components/serverIssues';
import { TraineeFields } from './TraineeFields';
import { admitFormSchema, detailsOf, emptyTraineeForm, TRAINEE_FORM_PATHS, type TraineeFormInput, type TraineeFormOutput } from './traineeForm';

export function AdmitPage() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [admit, { isLoading, error }] = useAdmitMutation();
  const form = useForm<TraineeFormInput, unknown, TraineeFormOutput>({
    resolver: zodResolver(admitFormSchema),
    defaultValues: emptyTraineeForm(),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const details = detailsOf(values);
    const result = await admit(details);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('admit.success', { name: details.fullName }));
      dispatch(navigate({ name: 'trainee', traineeId: result.data.traineeId }));
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, TRAINEE_FORM_PATHS);
    }
  });

  const cancel = () => dispatch(navigate({ name: 'roster' }));

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="admit-title" data-testid="admit-form">
      <Stack gap="md" maw={960}>
        <Title order={2} id="admit-title">
          {t('admit.title')}
        </Title>
        <ErrorAlert error={error} />
        <TraineeFields form={form} />
        <FormActions submit={t('admit.submit')} onCancel={cancel} loading={isLoading} />
      </Stack>
    </form>
  );
}
