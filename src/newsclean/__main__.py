from newsclean._entry import main

main()
