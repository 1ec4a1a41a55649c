import { Button, Checkbox, Form, Input, Radio, Rate, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import type { CaseDetail } from './model.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

export interface FieldValues {
  note?: string;
  attachments?: string[];
  passed?: 'pass' | 'fail';
  departmentIds?: string[];
  level?: 'normal' | 'yellow' | 'red';
  urgeDepartmentId?: string;
  reviewAt?: string;
  at?: string;
  place?: string;
  attend?: 'yes' | 'no';
  minutes?: string;
  agreedActions?: string[];
  score?: number;
  comment?: string;
}

const ACTIVE = ['dispatched', 'accepted', 'rework'];

const future = (message: string) => ({
  validator: (_: unknown, v?: string) =>
    !v || new Date(v.length === 10 ? `${v}T17:30` : v).getTime() > Date.now()
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
});

/** The fields a command needs besides its note. */
export function CommandFields({ c, type }: { c: CaseDetail; type: string }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const passed = Form.useWatch('passed', Form.useFormInstance());
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const f = (k: 'reviewAt' | 'at' | 'place' | 'departments' | 'minutes') => t(`casesConsole.form.${k}`);
  switch (type) {
    case 'handle':
    case 'resolve':
      return (
        <Form.Item name="attachments" label={t('casesConsole.form.photos')}>
          <PhotoUpload testId="case-cmd-photos" />
        </Form.Item>
      );
    case 'check': {
      const handled = c.assignments.filter((a) => a.status === 'handled');
      return (
        <>
          <Form.Item name="passed" label={t('casesConsole.form.passed')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="pass">
                <span {...tid('case-cmd-pass')}>{t('casesConsole.form.pass')}</span>
              </Radio.Button>
              <Radio.Button value="fail">
                <span {...tid('case-cmd-fail')}>{t('casesConsole.form.fail')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          {passed === 'fail' && handled.length > 1 && (
            <Form.Item name="departmentIds" label={t('casesConsole.form.failDepartments')}>
              <Checkbox.Group
                options={handled.map((a) => ({ value: a.departmentId, label: a.departmentName }))}
                {...tid('case-cmd-fail-departments')}
              />
            </Form.Item>
          )}
        </>
      );
    }
    case 'urge': {
      const open = c.assignments.filter((a) => ACTIVE.includes(a.status));
      return (
        <>
          <Form.Item name="level" label={t('casesConsole.form.urgeLevel')}>
            <Radio.Group optionType="button">
              {(['normal', 'yellow', 'red'] as const).map((l) => (
                <Radio.Button key={l} value={l}>
                  <span {...tid(`case-cmd-urge-${l}`)}>{labels.urge(l)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {open.length > 0 && (
            <Form.Item name="urgeDepartmentId" label={t('casesConsole.form.urgeDepartment')}>
              <Select
                allowClear
                placeholder={t('casesConsole.form.allDepartments')}
                options={open.map((a) => ({ value: a.departmentId, label: a.departmentName }))}
                {...tid('case-cmd-urge-department')}
              />
            </Form.Item>
          )}
        </>
      );
    }
    case 'park':
      return (
        <Form.Item
          name="reviewAt"
          label={f('reviewAt')}
          rules={[required(f('reviewAt')), future(t('casesConsole.form.mustBeFuture'))]}
        >
          <Input type="date" {...tid('case-cmd-review-at')} />
        </Form.Item>
      );
    case 'summon':
      return (
        <>
          <Form.Item name="at" label={f('at')} rules={[required(f('at')), future(t('casesConsole.form.mustBeFuture'))]}>
            <Input type="datetime-local" {...tid('case-cmd-at')} />
          </Form.Item>
          <Form.Item name="place" label={f('place')} rules={[{ ...required(f('place')), whitespace: true }]}>
            <Input maxLength={200} {...tid('case-cmd-place')} />
          </Form.Item>
          <Form.Item name="departmentIds" label={f('departments')} rules={[required(f('departments'))]}>
            <Checkbox.Group {...tid('case-cmd-departments')}>
              <Space orientation="vertical">
                {c.departmentsServing.map((d) => (
                  <Checkbox key={d.id} value={d.id} {...tid(`case-cmd-department-${d.name}`)}>
                    {d.name}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </>
      );
    case 'confirmAttendance':
      return (
        <Form.Item name="attend" label={t('casesConsole.form.attend')}>
          <Radio.Group optionType="button">
            <Radio.Button value="yes">
              <span {...tid('case-cmd-attend-yes')}>{labels.attendance('confirmed')}</span>
            </Radio.Button>
            <Radio.Button value="no">
              <span {...tid('case-cmd-attend-no')}>{labels.attendance('declined')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
      );
    case 'recordMeeting':
      return (
        <>
          <Form.Item name="minutes" label={f('minutes')} rules={[{ ...required(f('minutes')), whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount {...tid('case-cmd-minutes')} />
          </Form.Item>
          <Form.List name="agreedActions">
            {(fields, { add, remove }) => (
              <Form.Item label={t('casesConsole.form.agreedActions')}>
                {fields.map((field, i) => (
                  <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }} align="start">
                    <Form.Item {...field} noStyle rules={[{ required: true, whitespace: true, message: ' ' }]}>
                      <Input
                        maxLength={200}
                        placeholder={t('casesConsole.form.actionPlaceholder')}
                        style={{ width: 320, maxWidth: '60vw' }}
                        {...tid(`case-cmd-action-${i}`)}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)} {...tid(`case-cmd-action-${i}-remove`)}>
                      ×
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add('')} {...tid('case-cmd-action-add')}>
                  + {t('casesConsole.form.addAction')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item
            name="score"
            label={t('casesConsole.timeline.score')}
            rules={[required(t('casesConsole.timeline.score'))]}
          >
            <Rate {...tid('case-cmd-score')} />
          </Form.Item>
          <Form.Item name="comment" label={t('casesConsole.timeline.comment')}>
            <Input.TextArea rows={2} maxLength={500} {...tid('case-cmd-comment')} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
