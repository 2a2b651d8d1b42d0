import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';

interface Props<T> {
  name: string;
  title: ReactNode;
  open: boolean;
  form: FormInstance<T>;
  onCancel: () => void;
  onFinish: (values: T) => void;
  saving: boolean;
  initialValues?: Partial<T>;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/**
 * A modal whose whole body, OK button included, sits inside the <form>: Enter in any input submits, and
 * antd validation runs before onFinish.
 */
export function FormModal<T>({ name, title, open, form, onCancel, onFinish, saving, initialValues, okText, width, children }: Props<T>) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: saving }}
      destroyOnHidden
      width={width ?? 560}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<T>
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          clearOnDestroy
          onFinish={onFinish}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
