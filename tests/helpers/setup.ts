// Tests never touch the developer's .data/ or real services unless a test opts in.
process.env.FORECOURT_TEST = "1";
