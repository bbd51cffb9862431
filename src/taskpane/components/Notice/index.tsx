import { useId, type ReactNode } from "react";
import { MessageBar, MessageBarBody, type MessageBarIntent } from "@fluentui/react-components";

export interface NoticeProps {
  intent: MessageBarIntent;
  children: ReactNode;
  "data-testid"?: string;
  layout?: "multiline" | "singleline";
}

/**
 * A message bar without a title. Fluent's MessageBar points aria-labelledby at its title, which a
 * bar without one lacks (an invalid reference, axe says); here the bar is labelled by its text.
 */
export function Notice({ intent, children, layout = "multiline", ...rest }: NoticeProps) {
  const bodyId = useId();
  return (
    <MessageBar intent={intent} layout={layout} aria-labelledby={bodyId} data-testid={rest["data-testid"]}>
      <MessageBarBody id={bodyId}>{children}</MessageBarBody>
    </MessageBar>
  );
}
