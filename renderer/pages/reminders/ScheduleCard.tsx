import { App, Button, Card, Flex, Form, Select, Switch, TimePicker, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';

/** When reminders fire, working-day shifting with holiday data, desktop behaviour and lost reasons. */
export function ScheduleCard({ settings }: { settings: ReminderSettings }) {
  const { message } = App.useApp();
  const save = useApiMutation('reminders:setSettings');
  const importHolidays = useApiMutation('reminders:importHolidays');
  const reasons = useApiQuery('renewals:lostReasons', {});
  const saveReasons = useApiMutation('renewals:setLostReasons');
  const [lost, setLost] = useState<string[]>([]);
  useEffect(() => setLost(reasons.data?.items ?? []), [reasons.data]);
  const saved = () => void message.success('已保存');
  const failed = (e: Error) => void message.error(e.message);

  return (
    <Card title="提醒时间与工作日">
      <Form layout="horizontal" labelWrap labelCol={{ flex: '150px' }} wrapperCol={{ flex: 1 }}>
        <Form.Item label="每天提醒时间" extra="每个提醒节点在当天这个时间（本机时区）提醒，不会提前。">
          <TimePicker
            format="HH:mm"
            allowClear={false}
            value={dayjs(settings.timeOfDay, 'HH:mm')}
            onChange={(v) => v && save.mutate({ timeOfDay: v.format('HH:mm') }, { onSuccess: saved, onError: failed })}
          />
        </Form.Item>
        <Form.Item label="顺延到工作日" extra="开启后，落在周末或法定节假日的提醒提前到前一个工作日（含调休上班日）。默认关闭。">
          <Switch checked={settings.shiftToWorkingDay} onChange={(v) => save.mutate({ shiftToWorkingDay: v }, { onSuccess: saved, onError: failed })} />
        </Form.Item>
        <Form.Item label="节假日数据" extra="内置 chinese-days 数据；可导入同格式的 JSON（holidays / workdays）覆盖。">
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{settings.holidayOverrideCount > 0 ? `已导入 ${settings.holidayOverrideCount} 个日期` : '使用内置数据'}</Typography.Text>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((json) => importHolidays.mutate({ json }, { onSuccess: (r) => void message.success(`已导入 ${r.holidayOverrideCount} 个日期`), onError: failed }));
                return false;
              }}
            >
              <Button size="small">导入 JSON</Button>
            </Upload>
            {settings.holidayOverrideCount > 0 ? (
              <Button size="small" onClick={() => importHolidays.mutate({ json: null }, { onSuccess: saved, onError: failed })}>
                恢复内置数据
              </Button>
            ) : null}
          </Flex>
        </Form.Item>
        <Form.Item label="开机自动启动" extra="桌面版：登录系统后在托盘中运行，提醒照常触发。">
          <Switch checked={settings.startAtLogin} onChange={(v) => save.mutate({ startAtLogin: v }, { onSuccess: saved, onError: failed })} />
        </Form.Item>
        <Form.Item label="关闭窗口后保留在托盘" extra="桌面版：关闭窗口不退出，提醒在后台继续。">
          <Switch checked={settings.keepInTray} onChange={(v) => save.mutate({ keepInTray: v }, { onSuccess: saved, onError: failed })} />
        </Form.Item>
        <Form.Item label="流失原因选项">
          <Flex gap={8}>
            <Select<string[]> mode="tags" value={lost} onChange={setLost} style={{ flex: 1 }} aria-label="流失原因选项" />
            <Button disabled={lost.length === 0} onClick={() => saveReasons.mutate({ items: lost }, { onSuccess: saved, onError: failed })}>
              保存
            </Button>
          </Flex>
        </Form.Item>
      </Form>
    </Card>
  );
}
