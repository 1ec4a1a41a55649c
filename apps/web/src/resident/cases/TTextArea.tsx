import { TextArea, type TextAreaProps, type TextAreaRef } from 'antd-mobile';
import { useEffect, useRef } from 'react';

/** antd-mobile TextArea whose real `<textarea>` carries the test id, so browser tests can `fill()` it. */
export function TTextArea({ testId, ...props }: TextAreaProps & { testId: string }) {
  const ref = useRef<TextAreaRef>(null);
  useEffect(() => {
    ref.current?.nativeElement?.setAttribute('data-testid', testId);
  }, [testId]);
  return <TextArea ref={ref} {...props} />;
}
