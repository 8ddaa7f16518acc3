import { Combobox, Text, TextInput, useCombobox } from '@mantine/core';
import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type AccountOption, filterAccountOptions } from './entry-grid-model.ts';

export type AccountInputProps = {
  options: readonly AccountOption[];
  value: string;
  onChange: (text: string) => void;
  /** An option was chosen (Enter, Tab on a highlighted option, click). */
  onPick?: (option: AccountOption, how: 'enter' | 'tab' | 'click') => void;
  /** Runs before the combobox's own keys; `open` tells whether an option is highlighted. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>, highlighted: boolean) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  label: string;
  /** In the entry grid the column header shows the label; the input keeps it as its accessible name. */
  hideLabel?: boolean;
  error?: string;
  description?: string;
  testId?: string;
  placeholder?: string;
  w?: number | string;
  describedBy?: string;
};

/**
 * An account typed by its number or found by its label: the best match is highlighted as you type, so
 * "512" then Enter picks 512, and "banq" then Enter picks the first bank account. A combobox in the
 * ARIA sense (role, expanded state, active option announced).
 */
export function AccountInput({
  options,
  value,
  onChange,
  onPick,
  onKeyDown,
  onBlur,
  onFocus,
  inputRef,
  label,
  hideLabel,
  error,
  description,
  testId,
  placeholder,
  w,
  describedBy,
}: AccountInputProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const baseId = useId();
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const shown = useMemo(() => filterAccountOptions(options, value, 30), [options, value]);
  const [active, setActive] = useState(-1);
  const byEnter = useRef(false);
  const opened = combobox.dropdownOpened && shown.length > 0;

  // The best match is always highlighted while the list is open, so Enter takes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store's methods are stable
  useEffect(() => {
    if (!opened || !value.trim()) {
      setActive(-1);
      return;
    }
    // After the list is painted: Mantine selects options in the DOM.
    const frame = requestAnimationFrame(() => {
      combobox.selectFirstOption();
      setActive(combobox.getSelectedOptionIndex());
    });
    return () => cancelAnimationFrame(frame);
  }, [shown, opened, value]);

  const pick = (option: AccountOption, how: 'enter' | 'tab' | 'click') => {
    onChange(option.code);
    combobox.closeDropdown();
    onPick?.(option, how);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const index = opened ? combobox.getSelectedOptionIndex() : -1;
    const highlighted = index >= 0 && index < shown.length;
    byEnter.current = event.key === 'Enter' && highlighted;
    if (event.key === 'Tab' && !event.shiftKey && highlighted) {
      const option = shown[index]!;
      // Tab keeps an exact number as typed; otherwise it takes the highlighted match, then moves on.
      if (option.code.toUpperCase() !== value.trim().toUpperCase()) pick(option, 'tab');
      else combobox.closeDropdown();
    }
    onKeyDown?.(event, highlighted);
  };

  return (
    <Combobox
      store={combobox}
      withinPortal
      position="bottom-start"
      width={360}
      onOptionSubmit={(selected) => {
        const option = shown.find((o) => o.value === selected);
        const how = byEnter.current ? 'enter' : 'click';
        byEnter.current = false;
        if (option) pick(option, how);
      }}
    >
      <Combobox.Target
        withExpandedAttribute
        aria-activedescendant={opened && active >= 0 ? optionId(active) : undefined}
      >
        <TextInput
          ref={inputRef}
          label={hideLabel ? undefined : label}
          aria-label={hideLabel ? label : undefined}
          value={value}
          placeholder={placeholder}
          description={description}
          error={error}
          w={w}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onKeyDown={handleKeyDown}
          onKeyUp={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp')
              setActive(combobox.getSelectedOptionIndex());
          }}
          onFocus={onFocus}
          onBlur={() => {
            combobox.closeDropdown();
            onBlur?.();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={shown.length === 0}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {/* Rendered while open only: a grid of many lines keeps one small list in the page. */}
          {combobox.dropdownOpened
            ? shown.map((option, index) => (
                <Combobox.Option
                  key={option.value}
                  value={option.value}
                  id={optionId(index)}
                  data-testid="account-option"
                >
                  <Text span fw={700} ff="monospace" mr="xs">
                    {option.code}
                  </Text>
                  <Text span size="sm">
                    {option.label}
                  </Text>
                </Combobox.Option>
              ))
            : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
