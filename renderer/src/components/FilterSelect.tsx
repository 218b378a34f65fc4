import { Select, Space } from 'antd';

interface Props<V extends string> {
  id: string;
  /** The visible label, which is also the select's accessible name. */
  label: string;
  width: number;
  /** What an empty filter means, e.g. 全部类型. */
  placeholder: string;
  value: V | undefined;
  onChange(value: V | undefined): void;
  options: { value: V; label: string }[];
  /** Typing filters the options (long lists, e.g. records). */
  searchable?: boolean;
}

/** A labelled, clearable select that narrows a list; cleared, it shows everything again. */
export function FilterSelect<V extends string>({ id, label, width, placeholder, value, onChange, options, searchable }: Props<V>) {
  return (
    <Space size={8}>
      <label htmlFor={id}>{label}</label>
      <Select<V>
        id={id}
        style={{ width }}
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={(v: V | undefined) => onChange(v)}
        options={options}
        {...(searchable ? { showSearch: { optionFilterProp: 'label' }, notFoundContent: '没有匹配的记录' } : {})}
      />
    </Space>
  );
}
