import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

/** Text box + search button; the `<input>` carries `testId`, the button `<testId>-submit`. Enter also searches. */
export function SearchBox({
  testId,
  placeholder,
  onSearch,
}: {
  testId: string;
  placeholder: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Space.Compact style={{ width: 280 }}>
      <Input
        allowClear
        value={value}
        placeholder={placeholder}
        onChange={(e) => {
          setValue(e.target.value);
          if (!e.target.value) onSearch('');
        }}
        onPressEnter={() => onSearch(value.trim())}
        {...tid(testId)}
      />
      <Button type="primary" onClick={() => onSearch(value.trim())} {...tid(`${testId}-submit`)}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
