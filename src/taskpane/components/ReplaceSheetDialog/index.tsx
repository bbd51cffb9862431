import { useEffect, useRef } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings } from "../../../i18n/strings";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { flexWrap: "wrap" },
});

export interface ReplaceSheetDialogProps {
  locale: Locale;
  /** The sheet that exists, and the free name offered instead; no dialog when undefined. */
  conflict: { sheetName: string; freeName: string } | undefined;
  onUseFreeName: () => void;
  onReplace: () => void;
  onCancel: () => void;
}

/**
 * Asks before touching a sheet that exists: building under a free name is the default (focused);
 * replacing needs its own, explicitly worded button. Escape and Cancel leave the workbook alone.
 */
export function ReplaceSheetDialog({
  locale,
  conflict,
  onUseFreeName,
  onReplace,
  onCancel,
}: ReplaceSheetDialogProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const sheet = conflict?.sheetName ?? "";
  const free = conflict?.freeName ?? "";
  const open = conflict !== undefined;
  const safeAnswer = useRef<HTMLButtonElement>(null);
  // Dialog focuses its first focusable element; say which one explicitly, so the answer Enter gives
  // stays the one that keeps the user's sheet even if the layout changes.
  useEffect(() => {
    if (open) safeAnswer.current?.focus();
  }, [open]);
  return (
    <Dialog
      open={conflict !== undefined}
      modalType="modal"
      onOpenChange={(_event, data) => !data.open && onCancel()}
    >
      <DialogSurface data-testid="replace-dialog">
        <DialogBody>
          <DialogTitle>{strings.replaceTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{fillPlaceholders(strings.replaceBody, { sheet, free })}</p>
            <p>{fillPlaceholders(strings.replaceWarning, { sheet })}</p>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button
              ref={safeAnswer}
              appearance="primary"
              data-testid="dialog-use-free-name"
              onClick={onUseFreeName}
            >
              {fillPlaceholders(strings.replaceUseFree, { free })}
            </Button>
            <Button data-testid="dialog-replace" onClick={onReplace}>
              {fillPlaceholders(strings.replaceConfirm, { sheet })}
            </Button>
            <Button data-testid="dialog-cancel" onClick={onCancel}>
              {strings.replaceCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
