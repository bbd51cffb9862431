import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface HeaderProps {
  title: string;
  intro: string;
}

export function Header({ title, intro }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1" className={styles.title} data-testid="app-title">
        {title}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
    </header>
  );
}
