import { Text, type TextProps } from '@mantine/core';

import { useFormat } from '../lib/format';

/**
 * A name or title in the other language, under the one in the interface's: marked with its
 * language and laid out, and cut short, in its own direction (an English title in an Arabic list
 * ends with its ellipsis on the right), aligned with the page.
 */
export function OtherLanguage({ children, ...props }: TextProps & { children: string }) {
  const format = useFormat();
  const arabic = format.language !== 'ar';
  return (
    <Text
      size="xs"
      c="dimmed"
      lang={arabic ? 'ar' : 'en'}
      dir={arabic ? 'rtl' : 'ltr'}
      ta={format.language === 'ar' ? 'right' : 'left'}
      {...props}
    >
      {children}
    </Text>
  );
}
