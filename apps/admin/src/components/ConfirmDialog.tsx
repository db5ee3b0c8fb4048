import { type ReactNode, useState } from "react";
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FormError } from "./states";
import { Button } from "./ui";

/** Destructive actions ask first; the dialog is an alertdialog, focus is trapped and Escape cancels. */
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  onConfirm,
  isPending,
}: {
  trigger: ReactNode;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | undefined;
  isPending?: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  return (
    <DialogTrigger onOpenChange={() => setError(null)}>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                <div className="dialog-body">{children}</div>
                <FormError error={error} />
                <div className="dialog-actions">
                  <Button variant="secondary" onPress={close}>
                    {t("cancel")}
                  </Button>
                  <Button
                    variant="danger"
                    isDisabled={isPending}
                    onPress={async () => {
                      // A failure keeps the dialog open and says why, instead of vanishing silently.
                      try {
                        await onConfirm();
                        close();
                      } catch (failure) {
                        setError(failure);
                      }
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** A plain modal dialog for forms (invite, create key); not dismissable by an outside click when it holds something that cannot be shown again. */
export function FormDialog({
  trigger,
  title,
  children,
  isOpen,
  onOpenChange,
  isDismissable = true,
}: {
  trigger?: ReactNode;
  title: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  isDismissable?: boolean;
}) {
  return (
    <DialogTrigger {...(isOpen !== undefined ? { isOpen } : {})} onOpenChange={onOpenChange}>
      {trigger}
      <ModalOverlay
        className="modal-overlay"
        isDismissable={isDismissable}
        isKeyboardDismissDisabled={!isDismissable}
      >
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {typeof children === "function" ? children(close) : children}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
