import { DatePicker, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

/** A sorted list of local dates (YYYY-MM-DD): pick one to add it, close a tag to remove it. */
export function DateTags(props: { dates: readonly string[]; onChange: (dates: string[]) => void; testId: string }) {
  const { dates, onChange, testId } = props;
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <DatePicker
        value={null}
        format="YYYY-MM-DD"
        placeholder={t('calendar.addDate')}
        onChange={(_, s) => {
          if (typeof s === 'string' && s && !dates.includes(s)) onChange([...dates, s].sort());
        }}
        {...tid(`${testId}-add`)}
      />
      <div {...tid(`${testId}-list`)}>
        {dates.map((d) => (
          <Tag
            key={d}
            closable
            onClose={(e) => {
              e.preventDefault();
              onChange(dates.filter((x) => x !== d));
            }}
            style={{ marginBottom: 4 }}
            {...tid(`${testId}-${d}`)}
          >
            {d}
          </Tag>
        ))}
      </div>
    </Space>
  );
}
