import { type ReactNode, useState } from "react";
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { DialogActions } from "./DialogActions";
import { FormError } from "./states";

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
                <DialogActions
                  onCancel={close}
                  submitLabel={confirmLabel}
                  variant="danger"
                  isPending={isPending}
                  onConfirm={async () => {
                    // A failure keeps the dialog open and says why, instead of vanishing silently.
                    try {
                      await onConfirm();
                      close();
                    } catch (failure) {
                      setError(failure);
                    }
                  }}
                />
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
