import { Input, type InputProps, type InputRef } from 'antd-mobile';
import { useEffect, useRef } from 'react';

/** antd-mobile Input whose real `<input>` carries the test id, so browser tests can `fill()` it. */
export function TInput({ testId, ...props }: InputProps & { testId: string }) {
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    ref.current?.nativeElement?.setAttribute('data-testid', testId);
  }, [testId]);
  return <Input ref={ref} clearable {...props} />;
}
